# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    def _excfp_render_field(
        self,
        render_core,
        mailing,
        field,
        res_ids,
        source,
        *,
        engine="inline_template",
        compute_lang=False,
        set_lang=False,
        add_context=None,
        options=None,
    ):
        """Shared by the ``_render_field`` overrides of a mailing and of its
        mail composer. ``render_core`` is the override's
        ``super()._render_field``, called with the override's arguments. With
        ``mailing`` None (no translation applies): core's rendering.
        Otherwise the recipients with a translation of ``mailing`` in their
        language get ``source(translation)`` rendered, the others core's
        rendering."""
        core = {
            "engine": engine,
            "compute_lang": compute_lang,
            "set_lang": set_lang,
            "add_context": add_context,
            "options": options,
        }
        if mailing is None:
            return render_core(field, res_ids, **core)
        return mailing._excfp_render_translated(
            self,
            field,
            res_ids,
            source,
            lambda ids: render_core(field, ids, **core),
            options,
            add_context,
        )

    def _excfp_render_source(
        self, field, source, res_ids, options=None, add_context=None
    ):
        """Render source for res_ids as field would be rendered: same engine,
        same options (link tracking, comments kept). Used for a mailing's
        translations, which stand in for its subject and body."""
        engine = getattr(self._fields[field], "render_engine", "inline_template")
        # only rendering options: core's restricted rendering may have added
        # its own key to the dicts it was given
        field_options = {
            key: value
            for key, value in {
                **getattr(self._fields[field], "render_options", {}),
                **(options or {}),
            }.items()
            if key in ("post_process", "preserve_comments")
        }
        return self._render_template(
            source,
            self.render_model,
            res_ids,
            engine=engine,
            add_context=add_context,
            options=field_options,
        )
