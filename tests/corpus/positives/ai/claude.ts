import Anthropic from "@anthropic-ai/sdk";

const apiKey = "sk-ant-api03-bY1Zj7jrRzwixtzKohj5-KQ6z0HgUwBi6-IUVjb18X1tYAyp-Fggn-xKHdplIcxiSGE_iXHxdAv3GeUZDALSogILWZFPcAA";
const anthropic = new Anthropic({ apiKey });

export async function ask(prompt: string) {
  const msg = await anthropic.messages.create({
    model: "claude-3-5-sonnet-latest",
    max_tokens: 1024,
    messages: [{ role: "user", content: prompt }],
  });
  return msg.content;
}
