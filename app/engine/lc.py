"""The assistant's retrieval as a LangChain retriever, for developers composing their own chains."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from ingest.embed import USEEmbeddings

from .question import analyse

Embeddings.register(USEEmbeddings)  # it has the interface; importing langchain_core would slow `youthqa ask`


class AssistantRetriever(BaseRetriever):
    """Returns paragraphs as Documents whose metadata carries the citation (source, date, paragraph)."""

    assistant: Any
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        passages = self.assistant.retriever.search(analyse(query).text, k=self.k)
        return [Document(page_content=p.text, metadata={
            "source": p.source, "title": p.title, "date": p.date, "paragraph": p.paragraph,
            "doc_id": p.doc_id, "score": p.score}) for p in passages]
