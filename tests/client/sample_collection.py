"""A small collection covering what the runtime must do (folders, path/query params,
bodies, auth, a login flow); used by the client tests."""

from __future__ import annotations

from typing import Any

SECRET_TOKEN = "s3cr3t-t0ken-value-123456"


def sample_collection(base_url: str) -> dict[str, Any]:
    login_test = [
        "var jsonData = pm.response.json();",
        'pm.collectionVariables.set("token", jsonData.access_token);',
    ]
    return {
        "info": {
            "name": "Shop API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [
            {"key": "baseUrl", "value": base_url},
            {"key": "token", "value": SECRET_TOKEN},
        ],
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
        "item": [
            {
                "name": "Login",
                "event": [{"listen": "test", "script": {"exec": login_test}}],
                "request": {
                    "auth": {"type": "noauth"},
                    "method": "POST",
                    "url": "{{baseUrl}}/login",
                    "body": {"mode": "urlencoded", "urlencoded": [
                        {"key": "user", "value": "ada"}, {"key": "password", "value": "{{password}}"}]},
                },
            },
            {
                "name": "Users",
                "item": [
                    {
                        "name": "Get user",
                        "request": {
                            "method": "GET",
                            "header": [{"key": "X-Trace", "value": "on"}],
                            "url": {
                                "raw": "{{baseUrl}}/users/:id?expand=groups&limit=10",
                                "host": ["{{baseUrl}}"],
                                "path": ["users", ":id"],
                                "query": [{"key": "expand", "value": "groups"},
                                          {"key": "limit", "value": "10"},
                                          {"key": "debug", "value": "1", "disabled": True}],
                                "variable": [{"key": "id", "value": "42"}],
                            },
                        },
                        "response": [{
                            "name": "ok", "code": 200, "status": "OK",
                            "header": [{"key": "Content-Type", "value": "application/json"}],
                            "body": "{\"id\": 42, \"name\": \"Ada\", \"groups\": [\"admin\"]}",
                        }],
                    },
                    {
                        "name": "Create user",
                        "request": {
                            "method": "POST",
                            "url": "{{baseUrl}}/users",
                            "body": {"mode": "raw", "raw": "{\"name\": \"Ada\", \"age\": 36}",
                                     "options": {"raw": {"language": "json"}}},
                        },
                    },
                    {
                        "name": "Keys",
                        "auth": {"type": "apikey", "apikey": [
                            {"key": "key", "value": "api_key"}, {"key": "value", "value": "{{token}}"},
                            {"key": "in", "value": "query"}]},
                        "item": [{
                            "name": "List keys",
                            "request": {"method": "GET", "url": "{{baseUrl}}/keys?ts={{$timestamp}}"},
                        }],
                    },
                ],
            },
        ],
    }
