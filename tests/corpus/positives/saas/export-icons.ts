const FIGMA_FILE = "k8X2nQ4rT7vW1yZ3bC5dF6";
const headers = { "X-Figma-Token": "figd_Mw_NxMstvWX_C3tyWazgB0SV7_xCePFBkFxTKt1f" };

export async function listFrames() {
  const res = await fetch(`https://api.figma.com/v1/files/${FIGMA_FILE}`, { headers });
  return (await res.json()).document.children;
}
