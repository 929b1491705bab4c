"""Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, ...): generated when a snippet
runs, never at generation time. Each style maps a name to code through these tables."""

from __future__ import annotations

# name -> what it produces (documentation, and the check for supported names)
DYNAMIC_VARIABLES: dict[str, str] = {
    "$guid": "a v4 UUID",
    "$randomUUID": "a v4 UUID",
    "$timestamp": "the current UNIX timestamp in seconds",
    "$isoTimestamp": "the current UTC time, ISO 8601 with milliseconds",
    "$randomInt": "a random integer between 0 and 1000",
    "$randomBoolean": "true or false",
    "$randomAlphaNumeric": "one random letter or digit",
    "$randomHexaDecimal": "one random hexadecimal digit",
    "$randomColor": "a colour name",
    "$randomFirstName": "a first name",
    "$randomLastName": "a last name",
    "$randomFullName": "a full name",
    "$randomUserName": "a user name",
    "$randomEmail": "an email address",
    "$randomExampleEmail": "an example.com email address",
    "$randomWord": "a word",
    "$randomWords": "a few words",
    "$randomCity": "a city name",
    "$randomCountry": "a country name",
    "$randomCountryCode": "a two-letter country code",
    "$randomPhoneNumber": "a phone number",
    "$randomPrice": "a price",
    "$randomIP": "an IPv4 address",
    "$randomUrl": "a URL",
    "$randomDomainName": "a domain name",
    "$randomPassword": "a 15-character password",
    "$randomLoremWord": "a lorem ipsum word",
    "$randomLoremSentence": "a lorem ipsum sentence",
}

# Python expressions (the snippet imports random, string, time, uuid, datetime)
PYTHON: dict[str, str] = {
    "$guid": "str(uuid.uuid4())",
    "$randomUUID": "str(uuid.uuid4())",
    "$timestamp": "str(int(time.time()))",
    "$isoTimestamp": (
        'datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")'
        '.replace("+00:00", "Z")'
    ),
    "$randomInt": "str(random.randint(0, 1000))",
    "$randomBoolean": 'random.choice(["true", "false"])',
    "$randomAlphaNumeric": "random.choice(string.ascii_lowercase + string.digits)",
    "$randomHexaDecimal": 'random.choice("0123456789abcdef")',
    "$randomColor": 'random.choice(["red", "green", "blue", "teal", "orange"])',
    "$randomFirstName": 'random.choice(["Ada", "Alan", "Grace", "Linus", "Margaret"])',
    "$randomLastName": 'random.choice(["Lovelace", "Turing", "Hopper", "Torvalds"])',
    "$randomFullName": 'random.choice(["Ada Lovelace", "Alan Turing", "Grace Hopper"])',
    "$randomUserName": '"user" + str(random.randint(1000, 9999))',
    "$randomEmail": '"user" + str(random.randint(1000, 9999)) + "@example.net"',
    "$randomExampleEmail": '"user" + str(random.randint(1000, 9999)) + "@example.com"',
    "$randomWord": 'random.choice(["alpha", "bravo", "delta", "echo", "kilo"])',
    "$randomWords": 'random.choice(["alpha bravo", "delta echo kilo"])',
    "$randomCity": 'random.choice(["Lisbon", "Oslo", "Quito", "Osaka"])',
    "$randomCountry": 'random.choice(["Portugal", "Norway", "Ecuador", "Japan"])',
    "$randomCountryCode": 'random.choice(["PT", "NO", "EC", "JP"])',
    "$randomPhoneNumber": '"555-" + str(random.randint(1000000, 9999999))',
    "$randomPrice": 'f"{random.uniform(1, 1000):.2f}"',
    "$randomIP": '".".join(str(random.randint(1, 254)) for _ in range(4))',
    "$randomUrl": '"https://example" + str(random.randint(1, 999)) + ".com"',
    "$randomDomainName": '"example" + str(random.randint(1, 999)) + ".com"',
    "$randomPassword": '"".join(random.choices(string.ascii_letters + string.digits, k=15))',
    "$randomLoremWord": 'random.choice(["lorem", "ipsum", "dolor", "amet"])',
    "$randomLoremSentence": '"Lorem ipsum dolor sit amet."',
}
PYTHON_FALLBACK = '"".join(random.choices(string.ascii_lowercase, k=8))'

# bash command substitutions (coreutils only)
SHELL: dict[str, str] = {
    "$guid": "$(cat /proc/sys/kernel/random/uuid)",
    "$randomUUID": "$(cat /proc/sys/kernel/random/uuid)",
    "$timestamp": "$(date +%s)",
    "$isoTimestamp": "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)",
    "$randomInt": "$((RANDOM % 1001))",
    "$randomBoolean": "$( ((RANDOM % 2)) && echo true || echo false)",
    "$randomEmail": "user$((RANDOM % 9000 + 1000))@example.net",
    "$randomExampleEmail": "user$((RANDOM % 9000 + 1000))@example.com",
    "$randomUserName": "user$((RANDOM % 9000 + 1000))",
    "$randomIP": "10.$((RANDOM % 254 + 1)).$((RANDOM % 254 + 1)).$((RANDOM % 254 + 1))",
}
SHELL_FALLBACK = "$(head -c 64 /dev/urandom | tr -dc a-z | head -c 8)"


def python_expr(name: str) -> str:
    return PYTHON.get(name, PYTHON_FALLBACK)


def shell_expr(name: str) -> str:
    return SHELL.get(name, SHELL_FALLBACK)
