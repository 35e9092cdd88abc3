"""Durable jobs on procrastinate: tasks registered by name, run as the principal stamped at enqueue time.

Layer: chassis. Jobs are created only by `chassis.enqueue_job()` in SQL; Python only defines and runs them.
"""

from __future__ import annotations
