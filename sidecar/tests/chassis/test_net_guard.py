"""Unit tests of the outbound address policy (which IPs a fetch may reach). Layer: chassis."""

from __future__ import annotations

import ipaddress

import pytest

from sidecar.chassis.net.guard import AddressPolicy, AllowEntry, is_public, policy_from_env


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "fc00::abcd",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert not AddressPolicy().permits(ipaddress.ip_address(address), 80)


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_permitted(address: str) -> None:
    assert AddressPolicy().permits(ipaddress.ip_address(address), 443)


def test_allow_entry_with_port_admits_only_that_port() -> None:
    policy = AddressPolicy.allowing("127.0.0.1:8080")
    assert policy.permits(ipaddress.ip_address("127.0.0.1"), 8080)
    assert not policy.permits(ipaddress.ip_address("127.0.0.1"), 8081)
    assert not policy.permits(ipaddress.ip_address("127.0.0.2"), 8080)


def test_allow_entry_network_and_ipv6_forms_parse() -> None:
    assert AllowEntry.parse("10.1.0.0/16") == AllowEntry(ipaddress.ip_network("10.1.0.0/16"), None)
    assert AllowEntry.parse("[::1]:9000") == AllowEntry(ipaddress.ip_network("::1/128"), 9000)
    assert AllowEntry.parse("fd00::/8") == AllowEntry(ipaddress.ip_network("fd00::/8"), None)


def test_policy_from_env_reads_comma_separated_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIDECAR_NET_ALLOW", "10.9.0.0/16, 127.0.0.1:7000")
    policy = policy_from_env()
    assert policy.permits(ipaddress.ip_address("10.9.3.4"), 1)
    assert policy.permits(ipaddress.ip_address("127.0.0.1"), 7000)
    assert not policy.permits(ipaddress.ip_address("10.8.0.1"), 1)
    monkeypatch.delenv("SIDECAR_NET_ALLOW")
    assert policy_from_env().allow == ()
