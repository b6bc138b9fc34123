"""Fees and waivers (issue 20, deliverable 2): a scheme's fee schedule, each case's invoices,
waivers, payments through payment adapters (providers.payments), and the stage a case waits
at until its fees are paid or waived (the `fees_settled` guard of portal.cases.guards)."""
