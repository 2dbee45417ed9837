"""Random action sequences on routes of random shape never reach an invalid state.

A hypothesis state machine acts as random people (assignees, the drafter, outsiders) with every
route action; whatever succeeds must have been allowed, and the route must stay well formed and
always be able to finish signed (or be withdrawn), with every standing signature after 拟稿 over
the current body version: an offline signature over a version superseded meanwhile is refused and
leaves its signer's task pending, to sign again."""

import json
from collections import Counter

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from app.domain.documents.route import (
    IN_PROGRESS,
    PENDING,
    SIGNED,
    SIGNED_OFF,
    WITHDRAWN,
    route_from_json,
    route_to_json,
)
from app.domain.documents.route_visibility import visible_history, visible_steps
from app.domain.documents.routing import (
    StepSpec,
    add_signer,
    delegate,
    new_route,
    pending_users,
    remove_added_signer,
    retrieve,
    revise_body,
    send_back,
    sign,
    withdraw,
)
from app.domain.errors import RuleViolation
from tests.support.property_budget import examples

PEOPLE = ("drafter", "ann", "bo", "cai", "dai", "eva", "fu", "gao")
T = "2026-03-02T09:00:00+08:00"

people = st.sampled_from(PEOPLE)
step_specs = st.builds(
    lambda stage, mode, users, shown: StepSpec(stage, mode, tuple((u, f"unit-{u}") for u in users),
                                               tuple(f"unit-{u}" for u in shown)),
    st.sampled_from(["核稿", "会签", "签发"]),
    st.sampled_from(["all", "any"]),
    st.lists(st.sampled_from(PEOPLE[1:]), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(PEOPLE[1:]), max_size=2, unique=True),
)


class RouteMachine(RuleBasedStateMachine):
    @initialize(specs=st.lists(step_specs, min_size=1, max_size=4))
    def start(self, specs):
        self.route = new_route("d1", "unit-drafter", "drafter", specs, T)

    def attempt(self, allowed: bool, action, *args):
        """Run an action; success must match the independent view of who may act."""
        before = self.route
        try:
            self.route = action(before, *args)
        except RuleViolation as refusal:
            assert refusal.message
            assert self.route is before
            return
        event(f"{action.__name__} applied")
        assert allowed, f"{action.__name__} by {args[0]} succeeded but was not allowed"

    def someone(self, data) -> str:
        """Mostly a person with a task (so routes move), sometimes anyone."""
        due = sorted(pending_users(self.route))
        return data.draw(st.one_of(st.sampled_from(due), people) if due else people)

    def may_act(self, actor: str) -> bool:
        return self.route.status == IN_PROGRESS and actor in pending_users(self.route)

    @rule(data=st.data(), opinion=st.sampled_from(["同意", "不同意", ""]), stale=st.booleans())
    def sign(self, data, opinion, stale):
        actor = self.someone(data)
        version = self.route.body_version - (1 if stale else 0)
        self.attempt(self.may_act(actor) and not stale, sign, actor, opinion, version, T)

    @rule(data=st.data(), reason=st.sampled_from(["", "请修改"]))
    def send_back(self, data, reason):
        actor = self.someone(data)
        step_no = data.draw(st.integers(0, len(self.route.steps)))
        step_id = self.route.steps[step_no].step_id if step_no < len(self.route.steps) else "nowhere"
        ok = self.may_act(actor) and step_no < self.route.current and bool(reason)
        self.attempt(ok, send_back, actor, step_id, reason, T)

    @rule(data=st.data())
    def retrieve(self, data):
        last = self.route.history[-1]
        actor = data.draw(st.sampled_from((last.actor,) + PEOPLE))
        ok = self.route.status == IN_PROGRESS and last.kind == "sign" and last.completed and last.actor == actor
        self.attempt(ok, retrieve, actor, T)

    @rule(data=st.data(), other=people, before=st.booleans())
    def add_signer(self, data, other, before):
        actor = self.someone(data)
        self.attempt(self.may_act(actor) and other != actor, add_signer, actor, other, f"unit-{other}", before, T)

    @rule(data=st.data())
    def remove_added_signer(self, data):
        steps = self.route.steps
        index = data.draw(st.integers(0, len(steps)))
        adder = steps[index].added_by if index < len(steps) else None
        actor = data.draw(st.sampled_from(((adder,) if adder else ()) + PEOPLE))
        step_id = steps[index].step_id if index < len(steps) else "nowhere"
        ok = self.route.status == IN_PROGRESS and index < len(steps) and steps[index].added_by == actor
        self.attempt(ok, remove_added_signer, actor, step_id, T)

    @rule(data=st.data(), other=people)
    def delegate(self, data, other):
        actor = self.someone(data)
        self.attempt(self.may_act(actor) and other != actor, delegate, actor, other, f"unit-{other}", T)

    @rule(data=st.data())
    def revise(self, data):
        actor = self.someone(data)
        self.attempt(self.may_act(actor), revise_body, actor, self.route.body_version + 1, T)

    @rule(data=st.data())
    def offline_sign_over_a_superseded_version(self, data):
        """One signer reads the body and signs offline while another on the step revises it first."""
        due = sorted(pending_users(self.route)) if self.route.status == IN_PROGRESS else []
        if not due:
            return
        signer, reviser = data.draw(st.sampled_from(due)), data.draw(st.sampled_from(due))
        seen, step_id = self.route.body_version, self.route.current_step.step_id
        self.attempt(True, revise_body, reviser, seen + 1, T)
        self.attempt(False, sign, signer, "同意", seen, T)
        [held] = [a for a in self.route.steps[self.route.step_index(step_id)].assignees if a.user_id == signer]
        assert held.state == PENDING, "the signer's task waits for a signature over the new version"

    @rule(actor=people, rarely=st.integers(0, 9))
    def withdraw(self, actor, rarely):
        if rarely:
            return
        self.attempt(self.route.status == IN_PROGRESS and actor == "drafter", withdraw, actor, "不再发文", T)

    @invariant()
    def steps_before_current_are_done_and_the_rest_are_not(self):
        r = self.route
        assert r.status in (IN_PROGRESS, SIGNED_OFF, WITHDRAWN)
        done = [s.complete for s in r.steps]
        if r.status == SIGNED_OFF:
            assert all(done), "签发 only after every earlier step, 会签 included"
        elif r.status == IN_PROGRESS:
            assert 0 <= r.current < len(r.steps)
            assert all(done[: r.current]) and not done[r.current]

    @invariant()
    def nobody_signs_a_step_twice_in_one_round(self):
        signatures = Counter((e.step_id, e.round, e.actor) for e in self.route.history if e.kind == "sign")
        assert max(signatures.values(), default=1) == 1
        for step in self.route.steps:
            users = [a.user_id for a in step.assignees]
            assert len(users) == len(set(users)) and users

    @invariant()
    def every_signature_records_the_body_version_it_saw(self):
        for step in self.route.steps:
            for a in step.assignees:
                assert (a.state == PENDING) == (a.body_version is None) or a.state == "skipped"

    @invariant()
    def standing_signatures_are_over_the_current_body(self):
        if self.route.status == WITHDRAWN:
            return
        for step in self.route.steps[1:]:
            assert all(a.body_version == self.route.body_version for a in step.assignees if a.state == SIGNED)

    @invariant()
    def another_unit_sees_exactly_its_own_steps_and_those_shown_to_it(self):
        for user in PEOPLE[1:]:
            unit = f"unit-{user}"
            expected = [s for s in self.route.steps if unit in s.visible_to or any(a.unit_id == unit for a in s.assignees)]
            assert list(visible_steps(self.route, unit)) == expected
            assert {e.step_id for e in visible_history(self.route, unit)} <= {s.step_id for s in expected}
        assert visible_steps(self.route, "unit-drafter") == self.route.steps

    @invariant()
    def the_route_survives_json(self):
        assert route_from_json(json.loads(json.dumps(route_to_json(self.route)))) == self.route

    def teardown(self):
        """Whatever happened, letting whoever is due sign finishes the route."""
        r = self.route
        for _ in range(100):
            if r.status != IN_PROGRESS:
                break
            r = sign(r, sorted(pending_users(r))[0], "同意", r.body_version, T)
        assert r.status in (SIGNED_OFF, WITHDRAWN)


RouteMachine.TestCase.settings = settings(max_examples=examples(ci=60, soak=2000), stateful_step_count=50, deadline=None)
test_routes = RouteMachine.TestCase
