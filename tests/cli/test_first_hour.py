"""The first hour with the `crm` command and `./dev` (issue 11's papercuts), as real processes."""

from __future__ import annotations

import argparse
import re
import shlex
import socket
import subprocess
from pathlib import Path

import httpx

from crm import cli
from crm.demo import LOGINS
from tests.support.server import Server, crm_command, free_port, server_env

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"https?://[^\s'\"]+")


def run_crm(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*crm_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("crm: "), stderr
    return lines[0]


def subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += subparsers(sub)
    return found


def test_every_cli_option_has_help_text() -> None:
    parsers = subparsers(cli._parser())
    assert len(parsers) >= 8
    options = [
        (p.prog, a)
        for p in parsers
        for a in p._actions
        if a.option_strings and not isinstance(a, argparse._HelpAction)
    ]
    assert len(options) >= 12
    assert [f"{prog} {a.option_strings[0]}" for prog, a in options if not a.help] == []


def test_no_command_prints_a_warning(tmp_path: Path) -> None:
    env = server_env(tmp_path / "crm.sqlite3")
    commands = [
        ["--help"],
        ["migrate"],
        ["tenant", "create", "--name", "Acme", "--slug", "acme"],
        [
            "user",
            "create",
            "--tenant",
            "acme",
            "--email",
            "a@acme.example",
            "--name",
            "A",
            "--password",
            "a-long-enough-password",
        ],
        ["demo", "--leads", "2", "--clients", "1"],
        ["serve", "--help"],
        ["quickstart", "--help"],
    ]
    for args in commands:
        result = run_crm(tmp_path, {**env, "CRM_ENV": "test"}, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Warning" not in result.stderr + result.stdout, (args, result.stderr)


def test_a_port_in_use_is_one_line_and_no_banner(tmp_path: Path) -> None:
    port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        for command in ("quickstart", "serve"):
            result = run_crm(
                tmp_path, server_env(tmp_path / "crm.sqlite3"), command, "--port", str(port)
            )
            assert result.returncode == cli.EXIT_USAGE, result.stderr
            assert f"Port {port} on 127.0.0.1 is already in use" in one_line(result.stderr)
            assert result.stdout == ""  # no banner, no demo logins
    assert list(tmp_path.iterdir()) == []  # nothing was migrated either


def test_crm_outside_the_project_leaves_no_empty_database(tmp_path: Path) -> None:
    env = server_env(tmp_path / "crm.sqlite3")
    del env["DATABASE_URL"]  # the default: ./crm.sqlite3 in the current directory
    for args in (
        ["tenant", "create", "--name", "Acme", "--slug", "acme"],
        [
            "user",
            "create",
            "--tenant",
            "acme",
            "--email",
            "a@acme.example",
            "--name",
            "A",
            "--password",
            "a-long-enough-password",
        ],
        ["demo"],
        ["serve", "--port", str(free_port())],
    ):
        result = run_crm(tmp_path, env, *args)
        assert result.returncode == cli.EXIT_USAGE, (args, result.stderr)
        assert "run `crm migrate` first" in one_line(result.stderr)
        assert list(tmp_path.iterdir()) == [], args


def test_every_url_the_banner_prints_answers_200(tmp_path: Path) -> None:
    server = Server(tmp_path, server_env(tmp_path / "crm.sqlite3"), "quickstart")
    try:
        server.wait_healthy()
        banner = server.out.read_text()
        curl = next(line for line in banner.splitlines() if line.strip().startswith("curl "))
        urls = URL.findall(banner)
        assert f"{server.base}" in urls  # the first one a newcomer clicks
        with httpx.Client(follow_redirects=True, max_redirects=5, timeout=10) as browser:
            for url in sorted(set(urls) - set(URL.findall(curl))):
                response = browser.get(url, headers={"Accept": "text/html,*/*"})
                assert response.status_code == 200, (url, response.text[:300])
            # the curl line, run as printed
            argv = shlex.split(curl)
            body = argv[argv.index("-d") + 1]
            login = browser.post(
                URL.findall(curl)[0], content=body, headers={"Content-Type": "application/json"}
            )
            assert login.status_code == 200, login.text
            assert login.json()["data"]["user"]["email"] == LOGINS[0].email
        assert "Warning" not in server.err.read_text(), server.logs()
    finally:
        server.stop()


def test_dev_without_arguments_prints_its_usage() -> None:
    result = subprocess.run(
        [str(ROOT / "dev")], capture_output=True, text=True, check=False, timeout=30
    )
    assert result.returncode == 2
    assert result.stdout.startswith("usage: ./dev COMMAND")
    for command in ("serve", "test", "setup", "check", "generate"):
        assert re.search(rf"^  {command} ", result.stdout, re.MULTILINE), command
    assert "set -euo" not in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.startswith("#")]
    unknown = subprocess.run(
        [str(ROOT / "dev"), "nonsense"], capture_output=True, text=True, check=False, timeout=30
    )
    assert unknown.returncode == 2
    assert "unknown command 'nonsense'" in unknown.stderr
