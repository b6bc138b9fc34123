// The public transparency report: its charts share the staff stylesheet's chart rules.
import "../staff.css";

export { Transparency } from "./public/Transparency";
