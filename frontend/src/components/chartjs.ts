// Chart.js, registered piece by piece (tree-shaken: only the bar chart and what it draws with).
// Imported dynamically by BarChart, so it is a chunk of its own that only the staff and public
// pages with charts ever download.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
