from openai import AzureOpenAI

client = AzureOpenAI(
    api_key="c1249c633d65d23031826d8b2f605203",
    api_version="2024-02-01",
    azure_endpoint="https://orbit-oai-eastus.openai.azure.com",
)

resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "ping"}])
print(resp.choices[0].message.content)
