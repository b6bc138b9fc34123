"""The provider directory: what each provider publishes (EU ADR Art. 7(1)) and its roster."""
