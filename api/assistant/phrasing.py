"""An optional language model that may reword the assistant's reply; it never decides anything.

Off unless ``BAILING_ASSISTANT_LLM_URL`` names an OpenAI-compatible base URL (e.g.
``http://127.0.0.1:8080/v1``); ``BAILING_ASSISTANT_LLM_MODEL`` and ``BAILING_ASSISTANT_LLM_KEY`` are
optional. The model gets our finished reply and may only make it read more naturally. The step, the
figures and the decision are fixed before it is called; a rewording that drops or changes any figure
or document name, is empty or too long, or any error or timeout, falls back to our own text.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import httpx

_SYSTEM = ("你是银行额度助手的润色器。只改写语气，使其自然、礼貌、简洁。必须原样保留所有数字、金额、日期、"
           "证件名称和材料名称，不得增加任何建议、承诺或新信息。只输出改写后的中文。")
_FIGURE = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}(?:证书|许可证|执照|合同|发票|流水|运输证|行驶证|照片)")


@dataclass(frozen=True, slots=True)
class PhrasingBackend:
    """Args:
        url (str | None): OpenAI-compatible base URL; None turns phrasing off (default None).
        model (str): Model name sent with each request (default ``"default"``).
        api_key (str | None): Bearer token, if the endpoint wants one (default None).
        timeout_s (float): Per request; the merchant should not wait on a slow model (default 4 s).
    """

    url: str | None = None
    model: str = "default"
    api_key: str | None = None
    timeout_s: float = 4.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "PhrasingBackend":
        env = dict(os.environ if env is None else env)
        return cls(url=env.get("BAILING_ASSISTANT_LLM_URL") or None,
                   model=env.get("BAILING_ASSISTANT_LLM_MODEL") or "default",
                   api_key=env.get("BAILING_ASSISTANT_LLM_KEY") or None)

    def rephrase(self, text: str) -> str:
        """The reworded reply, or ``text`` itself when off, on any failure, or when a fact would change."""
        if not self.url:
            return text
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": text}]}
        try:
            response = httpx.post(self.url.rstrip("/") + "/chat/completions", json=body, headers=headers,
                                  timeout=self.timeout_s)
            response.raise_for_status()
            candidate = str(response.json()["choices"][0]["message"]["content"]).strip()
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
            return text
        return candidate if keeps_facts(text, candidate) else text


def keeps_facts(original: str, candidate: str) -> bool:
    """True when ``candidate`` keeps every figure and document name of ``original`` and adds no figure."""
    if not candidate or len(candidate) > 2 * len(original) + 40:
        return False
    figures = set(_FIGURE.findall(original))
    if set(_FIGURE.findall(candidate)) != figures:
        return False
    return all(name in candidate for name in _NAME.findall(original))
