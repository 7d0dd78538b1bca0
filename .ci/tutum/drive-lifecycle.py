"""Drives Mooring's Tutum face with Tutum's own Python SDK, unchanged: create and save, fetch, list
with filters and paging, start, stop, redeploy, scale (PATCH then scale/), delete, Container.fetch
and list, Action.fetch and list, and the SDK's errors. Exits non-zero at the first thing that is not
as a Tutum user expects.

Needs TUTUM_BASE_URL (ending in /api/v1/) and TUTUM_AUTH ("Bearer <token>") in its environment.
"""
import sys
import time
from urllib.parse import urljoin

import tutum
import tutum.api.http

# The one shim Python 3 needs: the SDK hands urljoin its path as bytes.
tutum.api.http.urljoin = lambda base, url, *args, **kwargs: urljoin(
    base, url.decode() if isinstance(url, bytes) else url, *args, **kwargs)

ACTION_TIMEOUT = 120


def step(text):
    print("[tutum-sdk] " + text, flush=True)


def wait_for(service, state):
    deadline = time.time() + ACTION_TIMEOUT
    while time.time() < deadline:
        service.refresh(force=True)
        if service.state == state:
            return service
        time.sleep(0.25)
    raise AssertionError("%s is %s, not %s, after %ss" % (service.unique_name, service.state, state, ACTION_TIMEOUT))


def action_of(obj):
    """The action a 202 named in X-Tutum-Action-URI, which the SDK keeps as tutum_action_uri."""
    uri = obj.tutum_action_uri
    assert uri.startswith("/api/v1/action/"), uri
    return tutum.Action.fetch(uri.rstrip("/").split("/")[-1])


def expect_api_error(call, status):
    try:
        call()
    except tutum.TutumApiError as error:
        assert ("Status %d" % status) in str(error), str(error)
        return
    raise AssertionError("expected a %d" % status)


def main():
    step("create and save")
    service = tutum.Service.create(
        image="demo/web:1.0.0", name="sdk-web", target_num_containers=1,
        container_ports=[{"protocol": "tcp", "inner_port": 80, "published": True}],
        container_envvars=[{"key": "BIND_ADDRESS", "value": "0.0.0.0"}, {"key": "PORT", "value": "80"}],
        tags=["sdk"])
    assert service.save()
    assert service.state == "Init", service.state
    assert service.resource_uri == "/api/v1/service/%s/" % service.uuid

    step("fetch")
    fetched = tutum.Service.fetch(service.uuid)
    assert fetched.unique_name == service.unique_name
    assert fetched.image_name.endswith("/demo/web:1.0.0"), fetched.image_name
    assert [t["name"] for t in fetched.tags] == ["sdk"], fetched.tags

    step("list with filters, and paging past the server's page of 25")
    for _ in range(27):
        assert tutum.Service.create(image="demo/web:1.0.0", name="sdk-page").save()
    pages = tutum.Service.list(name="sdk-page")
    assert len(pages) == 27, len(pages)
    assert len({s.uuid for s in pages}) == 27
    assert [s.uuid for s in tutum.Service.list(unique_name=service.unique_name)] == [service.uuid]
    assert len(tutum.Service.list(name="sdk-page", state="Init")) == 27
    assert tutum.Service.list(name="sdk-page", state="Running") == []

    step("start")
    assert service.start()
    assert service.state == "Starting", service.state
    started = action_of(service)
    assert started.action == "Service Start", started.action
    assert started.user_agent.startswith("python-tutum/"), started.user_agent
    wait_for(service, "Running")
    assert service.running_num_containers == 1

    step("Container.list and Container.fetch")
    containers = tutum.Container.list(service=service.resource_uri)
    assert len(containers) == 1, containers
    container = tutum.Container.fetch(containers[0].uuid)
    assert container.state == "Running", container.state
    assert container.service == service.resource_uri
    assert container.resource_uri in service.containers
    assert tutum.Container.list(service=service.resource_uri, state="Stopped") == []

    step("scale: PATCH the target, then scale/")
    service.target_num_containers = 2
    assert service.save()
    assert service.scale()
    wait_for(service, "Running")
    assert service.running_num_containers == 2, service.running_num_containers
    assert len(tutum.Container.list(service=service.resource_uri)) == 2

    step("redeploy")
    assert service.redeploy()
    assert service.state == "Redeploying", service.state
    redeploy = action_of(service)
    wait_for(service, "Running")
    assert tutum.Action.fetch(redeploy.uuid).state == "Success"

    step("stop, then start again")
    assert service.stop()
    wait_for(service, "Stopped")
    assert service.stopped_num_containers == 2
    assert {c.state for c in tutum.Container.list(service=service.resource_uri)} == {"Stopped"}
    expect_api_error(service.stop, 409)
    assert service.start()
    wait_for(service, "Running")

    step("delete")
    assert service.delete()
    wait_for(service, "Terminated")
    assert tutum.Container.list(service=service.resource_uri) == []
    expect_api_error(service.start, 409)

    step("Action.list and Action.fetch")
    actions = tutum.Action.list(object=service.resource_uri)
    story = [a.action for a in reversed(actions)]
    assert story == ["Service Start", "Service Scale", "Service Redeploy", "Service Stop", "Service Start",
                     "Service Terminate"], story
    assert {a.state for a in actions} == {"Success"}, [a.state for a in actions]
    assert tutum.Action.fetch(actions[0].uuid).object == service.resource_uri
    assert [a.uuid for a in tutum.Action.list(object=service.resource_uri, state="Failed")] == []

    step("the SDK's errors")
    expect_api_error(lambda: tutum.Service.fetch("00000000-0000-0000-0000-000000000000"), 404)
    expect_api_error(lambda: tutum.Service.create(image="demo/nothing-here:1.0").save(), 400)
    tutum.tutum_auth = "Bearer not-a-token"
    try:
        tutum.Service.list()
        raise AssertionError("a bad token was let in")
    except tutum.TutumAuthError:
        pass
    step("all as a Tutum user expects")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print("[tutum-sdk] FAILED: %s" % (failure,), file=sys.stderr, flush=True)
        raise
