export function requireApiKey(req: Request): boolean {
  const apiKey = req.headers.get("x-api-key");
  const expected = process.env.API_KEY;
  return !!apiKey && !!expected && timingSafeEqual(apiKey, expected);
}
