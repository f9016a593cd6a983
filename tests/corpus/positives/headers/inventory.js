export async function getInventory(sku) {
  const res = await fetch(`https://erp.orbitpay.internal/api/inventory/${sku}`, {
    headers: {
      Accept: "application/json",
      Authorization: "Bearer cahaYRbdMQAYTAvOBS34Xjd54eli9DRQK3D6KVO0",
    },
  });
  return res.json();
}
