import discord

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)


@client.event
async def on_message(message):
    if message.content.startswith("!status"):
        await message.channel.send("all systems nominal")


client.run("MTQzNjA2ODY4OTQ0MjE1NjE1Ng.-P6GLu.98_j0psjgbz3LiZxGV75DmRpuxZzgx_z1epWlh")
