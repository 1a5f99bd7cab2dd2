# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import ExcfpCase, make_french_and_spanish_available

# (group key, taxa: (name, rank, common names in en, fr, es))
GROUPS = {
    "amphibian": (
        "Routing Amphibian Specialist Group",
        [
            (
                "Amphibia",
                "class",
                "amphibians, frogs, toads, newts, salamanders, caecilians",
                "amphibiens, grenouilles, crapauds, tritons, salamandres",
                "anfibios, ranas, sapos, tritones, salamandras",
            )
        ],
    ),
    "cat": (
        "Routing Cat Specialist Group",
        [
            (
                "Felidae",
                "family",
                "cats, wild cats",
                "félins, chats sauvages",
                "felinos, gatos monteses",
            ),
            (
                "Panthera",
                "genus",
                "lions, tigers, leopards, jaguars",
                "lions, tigres, léopards, jaguars",
                "leones, tigres, leopardos, jaguares",
            ),
        ],
    ),
    "orchid": (
        "Routing Orchid Specialist Group",
        [("Orchidaceae", "family", "orchids", "orchidées", "orquídeas")],
    ),
    "turtle": (
        "Routing Tortoise and Freshwater Turtle Specialist Group",
        [
            (
                "Testudines",
                "order",
                "turtles, tortoises, terrapins",
                "tortues",
                "tortugas",
            )
        ],
    ),
    "crocodile": (
        "Routing Crocodile Specialist Group",
        [
            (
                "Crocodylia",
                "order",
                "crocodiles, alligators, caimans, gharials",
                "crocodiles, alligators, caïmans",
                "cocodrilos, caimanes, aligátores",
            )
        ],
    ),
    "primate": (
        "Routing Primate Specialist Group",
        [
            (
                "Primates",
                "order",
                "primates, monkeys, apes, lemurs, gorillas, chimpanzees, orangutans",
                "primates, singes, lémuriens, gorilles",
                "primates, monos, lémures, gorilas",
            )
        ],
    ),
    "cactus": (
        "Routing Cactus and Succulent Plant Specialist Group",
        [
            (
                "Cactaceae",
                "family",
                "cacti, cactus, succulents",
                "cactus, plantes succulentes",
                "cactus, suculentas",
            )
        ],
    ),
    "seahorse": (
        "Routing Seahorse, Pipefish and Seadragon Specialist Group",
        [
            (
                "Syngnathidae",
                "family",
                "seahorses, pipefish, seadragons",
                "hippocampes, syngnathes",
                "caballitos de mar, peces pipa",
            )
        ],
    ),
    "tree": (
        "Routing Global Tree Specialist Group",
        [
            (
                "Trees",
                "informal",
                "trees, timber species, forest trees",
                "arbres",
                "árboles",
            )
        ],
    ),
    "hornbill": (
        "Routing Hornbill Specialist Group",
        [("Bucerotidae", "family", "hornbills", "calaos", "cálaos")],
    ),
}

# (text, language of the sender, the group it is about, or None)
REQUESTS = [
    ("Studbook data for our frog breeding programme", "en_US", "amphibian"),
    ("Chytrid testing of salamanders before transfer", "en_US", "amphibian"),
    ("We hold 40 golden mantella toads and ask for advice", "en_US", "amphibian"),
    ("Newt husbandry guidelines for a new facility", "en_US", "amphibian"),
    ("Snow leopard breeding recommendations", "en_US", "cat"),
    ("Transfer of two Amur tigers between zoos", "en_US", "cat"),
    ("Genetic management of Panthera onca in European zoos", "en_US", "cat"),
    ("Wild cats rescued from the pet trade need a home", "en_US", "cat"),
    ("Seed bank protocol for terrestrial orchids", "en_US", "orchid"),
    ("Our botanic garden propagates threatened orchids", "en_US", "orchid"),
    ("Confiscated tortoises: can you help place them?", "en_US", "turtle"),
    ("Head-starting freshwater turtles for release", "en_US", "turtle"),
    ("Gharial eggs collected for a hatchery", "en_US", "crocodile"),
    ("Alligator enclosure design question", "en_US", "crocodile"),
    ("Lemur population management in zoos", "en_US", "primate"),
    ("Orangutans in rescue centres waiting for release", "en_US", "primate"),
    ("Gorilla transfer between European zoos", "en_US", "primate"),
    ("Cacti seized at the border: where to keep them", "en_US", "cactus"),
    ("Succulents in a botanic garden collection", "en_US", "cactus"),
    ("Seahorses bred in an aquarium for release", "en_US", "seahorse"),
    ("Pipefish husbandry in public aquariums", "en_US", "seahorse"),
    ("Ex situ conservation of forest trees in arboreta", "en_US", "tree"),
    ("Threatened timber species seed collection", "en_US", "tree"),
    ("Hornbills in zoos: a breeding programme", "en_US", "hornbill"),
    ("Élevage de grenouilles dans notre zoo", "fr_FR", "amphibian"),
    ("Reproduction des tortues confisquées", "fr_FR", "turtle"),
    ("Nos orchidées menacées au jardin botanique", "fr_FR", "orchid"),
    ("Transfert de deux tigres entre parcs zoologiques", "fr_FR", "cat"),
    ("Cría de ranas en cautividad", "es_ES", "amphibian"),
    ("Rescate de tortugas marinas y de agua dulce", "es_ES", "turtle"),
    ("Conservación de orquídeas en un jardín botánico", "es_ES", "orchid"),
    ("Monos rescatados del comercio ilegal", "es_ES", "primate"),
    # nothing to say where they belong
    ("Invoice for the conference fee", "en_US", None),
    ("Please update my postal address", "en_US", None),
]


class TestLiaisonRouting(ExcfpCase):
    """Requests with no group get the group their text is about, from its
    taxa, name and scope, in the language of the text; a clear match is
    routed by itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        make_french_and_spanish_available(cls.env)
        Taxon = cls.env["excfp.taxon"]
        Group = cls.env["excfp.specialist.group"]
        cls.groups = {}
        for key, (name, taxa) in GROUPS.items():
            records = Taxon.browse()
            for taxon_name, rank, en, fr, es in taxa:
                # the demo data's own taxon, if it has it
                taxon = Taxon.search(
                    [("name", "=", taxon_name), ("rank", "=", rank)]
                ) or Taxon.create({"name": taxon_name, "rank": rank})
                taxon.common_names = en
                taxon.with_context(lang="fr_FR").common_names = fr
                taxon.with_context(lang="es_ES").common_names = es
                records |= taxon
            cls.groups[key] = Group.create(
                {
                    "name": name,
                    "code": f"RT{key.upper()}",
                    "taxon_ids": [(6, 0, records.ids)],
                }
            )

    def _ranked(self, text, lang):
        ours = set(g.id for g in self.groups.values())
        return [
            (group, rank)
            for group, rank in self.env["excfp.liaison.routing"]._ranked_groups(
                text, lang, limit=50
            )
            if group.id in ours
        ]

    def test_the_labelled_requests_are_routed_right(self):
        Routing = self.env["excfp.liaison.routing"]
        right = routed = wrong_routes = 0
        misses = []
        for text, lang, key in REQUESTS:
            ranked = self._ranked(text, lang)
            expected = self.groups.get(key)
            suggested = ranked[0][0] if ranked else None
            confident = Routing._confident(ranked)
            if suggested == expected or (expected is None and not confident):
                right += 1
            else:
                misses.append((text, key, suggested and suggested.name))
            if confident:
                routed += 1
                wrong_routes += confident != expected
        self.assertGreaterEqual(len(REQUESTS), 30)
        # every confident route is right; nearly every suggestion is
        self.assertEqual(wrong_routes, 0, misses)
        self.assertGreaterEqual(right / len(REQUESTS), 0.9, misses)
        self.assertGreaterEqual(routed / len(REQUESTS), 0.7, misses)

    def _group_of(self, code, taxon, common_names):
        """A group of its own taxon, which no demo group shares."""
        return self.env["excfp.specialist.group"].create(
            {
                "name": f"{taxon} keepers",
                "code": code,
                "taxon_ids": [
                    (
                        0,
                        0,
                        {"name": taxon, "rank": "genus", "common_names": common_names},
                    )
                ],
            }
        )

    def test_a_request_by_email_is_routed_by_its_text(self):
        group = self._group_of("RTAXO", "Ambystoma", "axolotls, mole salamanders")
        focal_point = self._role(
            self.ana, "focal_point", state="active", group=group
        ).partner_id
        Liaison = self.env["excfp.liaison"]
        with self.mock_mail_gateway():
            request = Liaison.message_new(
                {
                    "subject": "Axolotl studbook",
                    "body": "<p>We breed axolotls and need studbook data.</p>",
                    "email_from": "keeper@zoo.example.org",
                }
            )
        self.assertEqual(request.group_id, group)
        self.assertEqual(request.focal_point_id, focal_point)
        self.assertIn("Routed to", request.message_ids[:1].body)

    def test_an_unclear_request_waits_with_a_suggestion(self):
        tuatara = self._group_of("RTTUA", "Sphenodon", "tuataras")
        quokka = self._group_of("RTQUO", "Setonix", "quokkas")
        request = self.env["excfp.liaison"].create(
            {
                "name": "Tuataras and quokkas",
                "description": "<p>Both tuataras and quokkas.</p>",
                "direction": "inbound",
            }
        )
        request._route_by_text()
        self.assertFalse(request.group_id)
        self.assertIn(request.suggested_group_id, tuatara | quokka)
        request.action_route_suggested()
        self.assertEqual(request.group_id, request.suggested_group_id)

    def test_one_query_whatever_the_number_of_groups(self):
        Routing = self.env["excfp.liaison.routing"]
        Routing._ranked_groups("frogs", "en_US")
        with self.assertQueryCount(1):
            Routing._ranked_groups("frogs and tigers", "en_US")
        self.env["excfp.specialist.group"].create(
            [{"name": f"Extra {i}", "code": f"EXTRA{i}"} for i in range(50)]
        )
        self.env.flush_all()
        with self.assertQueryCount(1):
            Routing._ranked_groups("frogs and tigers", "en_US")
