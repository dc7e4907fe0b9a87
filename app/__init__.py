"""youthqa: exact, cited answers from youth-league work reports.

    from app import Assistant
    assistant = Assistant.open(index=".youthqa-index")
    answer = assistant.ask("铜川的志愿汇平台注册了多少志愿者?")
    answer.value, answer.citations[0].label()   # ('20357人', '铜川团市委荣获… · 2021-08-16 · 第7段')
"""
from ingest.schema import Answer, Citation
from ingest.settings import Settings

from .api import Assistant

__all__ = ["Assistant", "Answer", "Citation", "Settings"]
