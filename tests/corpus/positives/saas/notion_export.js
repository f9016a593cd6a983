const { Client } = require("@notionhq/client");

const notion = new Client({ auth: "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" });

async function main() {
  const db = await notion.databases.query({ database_id: "8f4a1c2b3d4e5f60718293a4b5c6d7e8" });
  console.log(db.results.length);
}
main();
