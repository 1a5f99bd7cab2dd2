# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import ExcfpCase, view_spec


class TestScreenQueries(ExcfpCase):
    """Each back-office screen, asked as the web client asks it, costs as
    many queries with a network three times larger: no query per group,
    role or person (benchmarks/bench_screens.py measures their time)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.docs = cls.env["excfp.governance.document"].search(
            cls.env["excfp.governance.document"]._required_domain()
        )
        cls._grow(10, "A")

    @classmethod
    def _grow(cls, n_groups, tag):
        """n_groups groups with a chair, a focal point (active, nominated or
        none) and members, in this term and the previous one; some
        acknowledgements."""
        groups = cls.env["excfp.specialist.group"].create(
            [
                {"name": f"Screen {tag} SG {i}", "code": f"SCR{tag}{i}"}
                for i in range(n_groups)
            ]
        )
        # every column of the lists filled (organisation, country): each
        # costs its query, whatever the database around the test holds
        orgs = cls.env["res.partner"].create(
            [
                {"name": f"Screen {tag} Zoo {i}", "is_company": True}
                for i in range(n_groups)
            ]
        )
        country = cls.env.ref("base.ch")
        people = cls.env["res.partner"].create(
            [
                {
                    "name": f"Screen {tag} Person {i}",
                    "email": f"screen.{tag}.{i}@example.org",
                    "parent_id": orgs[i % n_groups].id,
                    "country_id": country.id,
                    "cpsg_status": "member" if i % 2 else "invited",
                }
                for i in range(5 * n_groups)
            ]
        )
        roles = []
        for i, group in enumerate(groups):
            for j, role_type in enumerate(("chair", "focal_point", "member", "member")):
                for term, state in (
                    (cls.term_past, "ended"),
                    (cls.term_current, "active"),
                ):
                    if role_type == "focal_point" and state == "active" and i % 3:
                        # every kanban column at both sizes: covered,
                        # nominated and vacant groups
                        if i % 3 == 2:
                            continue
                        state = "nominated"
                    roles.append(
                        {
                            "partner_id": people[5 * i + j].id,
                            "group_id": group.id,
                            "term_id": term.id,
                            "role_type": role_type,
                            "state": state,
                        }
                    )
        # active focal points as data, without the activation's emails
        cls.env["excfp.role"].with_context(install_module="excfp_odoo").create(roles)
        focal_points = people.filtered("is_excfp")
        for partner in focal_points[::2]:
            cls.env["excfp.acknowledgement"]._acknowledge(partner, cls.docs[:3])
        cls.env.flush_all()

    def _spec(self, model, view_type, view_ref=None):
        return view_spec(model, view_type, view_ref)

    def _screens(self):
        env = self.env(user=self.user_secretariat)
        Group, Role, Partner = (
            env["excfp.specialist.group"],
            env["excfp.role"],
            env["res.partner"],
        )
        group_list = self._spec(Group, "list")
        group_kanban = self._spec(Group, "kanban")
        role_list = self._spec(Role, "list")
        focal_point_list = self._spec(
            Partner, "list", "excfp_odoo.res_partner_view_list"
        )
        # the test's own records only: the same screens, whatever else the
        # database holds (demo data or not)
        groups = [("code", "=like", "SCR%")]
        roles = [("group_id.code", "=like", "SCR%")]
        people = [("email", "=like", "screen.%")]
        n_roles = Role.search_count(roles)

        def kanban():
            result = Group.web_read_group(groups, [], ["excfp_status"], lazy=True)
            for column in result["groups"]:
                # columns within one page at both sizes: a full page adds the
                # column's count, here as in core
                Group.web_search_read(column["__domain"], group_kanban, limit=200)

        return {
            "groups list": lambda: Group.web_search_read(groups, group_list, limit=80),
            "groups kanban": kanban,
            # a full first page, with the pager's count, at both sizes
            "roles list": lambda: Role.web_search_read(
                [("state", "!=", "ended"), *roles], role_list, limit=20
            ),
            "roles list, last page": lambda: Role.web_search_read(
                roles, role_list, offset=n_roles - 20, limit=80
            ),
            "Focal Points list": lambda: Partner.web_search_read(
                [("is_excfp", "=", True), *people], focal_point_list, limit=80
            ),
            "incomplete acknowledgements": lambda: Partner.search_count(
                [
                    ("is_excfp", "=", True),
                    ("governance_ack_complete", "=", False),
                    *people,
                ]
            ),
            "not in CPSG": lambda: Partner.search_count(
                [("is_excfp", "=", True), ("cpsg_status", "!=", "member"), *people]
            ),
        }

    def _query_counts(self):
        counts = {}
        for name, screen in self._screens().items():
            screen()  # warm-up: the registry's and the user's caches
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            screen()
            counts[name] = self.env.cr.sql_log_count - start
        return counts

    def test_screens_do_not_grow_with_the_network(self):
        small = self._query_counts()
        self._grow(30, "B")
        large = self._query_counts()
        self.assertEqual(large, small)
        # and what they are, so that a new query per page is seen in review
        self.assertEqual(
            large,
            {
                "groups list": 4,
                "groups kanban": 12,
                "roles list": 6,
                "roles list, last page": 6,
                "Focal Points list": 8,
                "incomplete acknowledgements": 2,
                "not in CPSG": 2,
            },
        )
