import os

from langchain_openai import ChatOpenAI
from langchain_pinecone import PineconeVectorStore

os.environ["OPENAI_API_KEY"] = "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"
os.environ["PINECONE_API_KEY"] = "pcsk_javA1d_OCiV1H19DtSqlpwclWfMtHwBUMXlHOWaPCP1BCEHSt4tYT64w3Y1yN4tQGyxLY5"
os.environ["LANGCHAIN_TRACING_V2"] = "true"

llm = ChatOpenAI(model="gpt-4o", temperature=0)
store = PineconeVectorStore(index_name="support-docs")
