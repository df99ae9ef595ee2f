"""The one outbox of the portal: every email is queued in the transaction of the write it is about and sent
later by ``send_pending_emails`` (run every minute). Nothing is sent inside a request."""
