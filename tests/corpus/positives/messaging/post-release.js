const WEBHOOK = "https://discord.com/api/webhooks/7405194054917805486/qnArFrk9x0wbzaTVnI2-NPLoja_NMIMh-rzkP0WoCfQ_V7DU-43RZ8ArVNoa1e19HimE";

export async function announce(version) {
  await fetch(WEBHOOK, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ content: `Released ${version}` }),
  });
}
