import httpx

from tests.helpers.echo_server import EchoServer


def test_echo_server_records_requests_in_order() -> None:
    with EchoServer() as server:
        httpx.post(f"{server.url}/a/b?x=1&x=2", content=b"hi", headers={"X-One": "1"})
        httpx.request("PURGE", f"{server.url}/c")
        first, second = server.requests
    assert first["method"] == "POST" and first["path"] == "/a/b" and first["query"] == "x=1&x=2"
    assert ["X-One", "1"] in first["headers"]
    assert first["body_b64"] == "aGk="
    assert second["method"] == "PURGE" and second["query"] is None
