from openai import OpenAI

client = OpenAI(api_key="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")


def summarize(text: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "Summarize in three bullets."},
                  {"role": "user", "content": text}],
    )
    return resp.choices[0].message.content
