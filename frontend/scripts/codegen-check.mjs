// Fails when src/gql/ is not what graphql-codegen makes from graphql/schema.graphql and
// graphql/operations/ now: it generates into a temporary folder and compares file by file.
import { generate } from "@graphql-codegen/cli";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = new URL("..", import.meta.url).pathname;
process.chdir(here);
const config = JSON.parse(readFileSync("codegen.json", "utf8"));
delete config.$comment;
// The folder to check: src/gql/ unless one is named (the test names an edited copy).
const committed = process.argv[2] ? process.argv[2].replace(/\/?$/, "/") : "src/gql/";
const scratch = mkdtempSync(join(tmpdir(), "parley-codegen-"));
// Every target under src/gql/ is made again under the scratch folder, by the same name.
config.generates = Object.fromEntries(
  Object.entries(config.generates).map(([target, options]) => [target.replace(/^src\/gql\//, scratch + "/"), options]),
);
config.silent = true;
try {
  await generate(config, true);
  const fresh = readdirSync(scratch).sort();
  const kept = readdirSync(committed).sort();
  const stale = [];
  for (const name of new Set([...fresh, ...kept])) {
    const a = fresh.includes(name) ? readFileSync(join(scratch, name), "utf8") : null;
    const b = kept.includes(name) ? readFileSync(join(committed, name), "utf8") : null;
    if (a !== b) stale.push(name);
  }
  if (stale.length) {
    console.error(
      `${committed} is stale (${stale.join(", ")}): run \`npm run codegen\` in frontend/ and commit the result.`,
    );
    process.exit(1);
  }
  console.log("frontend/src/gql matches graphql/schema.graphql and graphql/operations/.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
