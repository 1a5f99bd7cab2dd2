# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An email as the gateway receives it, for MailCommon.format_and_process;
``extra`` takes the headers a test adds (Auto-Submitted, Precedence...)."""

EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Message-ID: {msg_id}
{extra}

We can offer space for two breeding pairs.
"""
