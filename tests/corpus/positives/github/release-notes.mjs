import { Octokit } from "@octokit/rest";

const octokit = new Octokit({ auth: "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" });

const { data } = await octokit.repos.listReleases({ owner: "orbitpay", repo: "ledger-api", per_page: 5 });
for (const rel of data) console.log(rel.tag_name, rel.published_at);
