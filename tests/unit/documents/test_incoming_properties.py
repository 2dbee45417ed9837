"""Random 收文 actions by random people never skip a stage, lose a handler, or rewrite a read mark."""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.domain.documents import incoming as inc
from app.domain.errors import RuleViolation
from tests.support.property_budget import examples

PEOPLE = ("clerk", "li", "wang", "zhao", "qian")
ORDER = [inc.DELIVERED, inc.RECEIVED, inc.REGISTERED, inc.PROPOSED, inc.HANDLING, inc.CONCLUDED, inc.ARCHIVED]
T = "2026-03-02T09:00:00+08:00"
people = st.sampled_from(PEOPLE)


class IncomingMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.doc = inc.delivered("d1", "u-fin")
        self.first_reads: dict[str, str] = {}
        self.clock = 0

    def at(self) -> str:
        self.clock += 1
        return f"2026-03-02T09:{self.clock // 60:02d}:{self.clock % 60:02d}+08:00"

    def attempt(self, allowed: bool, action, *args):
        before = self.doc
        try:
            self.doc = action(before, *args)
        except RuleViolation as refusal:
            assert refusal.message and self.doc is before
            return
        assert allowed, f"{action.__name__}{args} succeeded but was not allowed"

    def status_is(self, status: str) -> bool:
        return self.doc.status == status

    @rule(reason=st.sampled_from(["", "不属于本单位"]))
    def refuse(self, reason):
        self.attempt(self.status_is(inc.DELIVERED) and bool(reason), inc.refuse, "clerk", reason, self.at())

    @rule()
    def receive(self):
        self.attempt(self.status_is(inc.DELIVERED), inc.receive, "clerk", self.at())

    @rule(number=st.sampled_from(["", "财收〔2026〕1号"]))
    def register(self, number):
        self.attempt(self.status_is(inc.RECEIVED) and bool(number), inc.register, "clerk", number, T, self.at())

    @rule(leader=people)
    def propose(self, leader):
        self.attempt(self.status_is(inc.REGISTERED), inc.propose, "clerk", "请阅示", leader, self.at())

    @rule(actor=people, handlers=st.lists(people, max_size=3))
    def instruct(self, actor, handlers):
        ok = self.status_is(inc.PROPOSED) and actor == self.doc.leader and handlers and len(set(handlers)) == len(handlers)
        self.attempt(bool(ok), inc.instruct, actor, "请办理", handlers, self.at())

    @rule(actor=people)
    def finish(self, actor):
        ok = self.status_is(inc.HANDLING) and actor in inc.todo_users(self.doc)
        self.attempt(ok, inc.finish_handling, actor, "已办", self.at())

    @rule(actor=people)
    def conclude(self, actor):
        ok = self.status_is(inc.HANDLING) and all(h.done_at for h in self.doc.handlers)
        self.attempt(ok, inc.conclude, actor, self.at())

    @rule()
    def archive(self):
        self.attempt(self.status_is(inc.CONCLUDED), inc.archive, "clerk", self.at())

    @rule(readers=st.lists(people, max_size=3))
    def circulate(self, readers):
        ok = self.doc.status in (inc.REGISTERED, inc.PROPOSED, inc.HANDLING, inc.CONCLUDED)
        self.attempt(ok, inc.circulate, "clerk", readers, self.at())

    @rule(reader=people)
    def read(self, reader):
        was_reader = any(r.user_id == reader for r in self.doc.readers)
        self.attempt(was_reader, inc.mark_read, reader, self.at())
        read_at = next((r.read_at for r in self.doc.readers if r.user_id == reader), None)
        if read_at:
            self.first_reads.setdefault(reader, read_at)

    @invariant()
    def the_main_line_is_followed_in_order(self):
        kinds = [s.kind for s in self.doc.history if s.kind not in ("handled", "circulate")]
        expected = ["receive", "register", "propose", "instruct", "conclude", "archive"]
        assert kinds == expected[: len(kinds)] or kinds == ["refuse"]
        assert self.doc.status == inc.RETURNED or ORDER.index(self.doc.status) == len(kinds)

    @invariant()
    def handlers_are_kept_and_all_done_before_conclusion(self):
        users = [h.user_id for h in self.doc.handlers]
        assert len(users) == len(set(users))
        if self.doc.status in (inc.HANDLING, inc.CONCLUDED, inc.ARCHIVED):
            assert users and self.doc.register_no
        if self.doc.status in (inc.CONCLUDED, inc.ARCHIVED):
            assert all(h.done_at for h in self.doc.handlers)
        assert inc.todo_users(self.doc) <= set(users) | {self.doc.leader}

    @invariant()
    def a_read_mark_is_never_rewritten(self):
        readers = [r.user_id for r in self.doc.readers]
        assert len(readers) == len(set(readers))
        for r in self.doc.readers:
            if self.first_reads.get(r.user_id):
                assert r.read_at == self.first_reads[r.user_id]


IncomingMachine.TestCase.settings = settings(max_examples=examples(ci=80, soak=1500), stateful_step_count=40, deadline=None)
test_incoming_life = IncomingMachine.TestCase
