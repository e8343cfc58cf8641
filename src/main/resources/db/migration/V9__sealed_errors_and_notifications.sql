-- Platform messages in target errors and queued notification texts are encrypted like every other message
-- (issue 13.5). The clear columns stay only until the start-up step has sealed what they held (targets) or the
-- queued messages are sent (notifications); nothing writes them any more.
alter table post_targets add column error_enc bytea;
alter table notifications add column payload_enc bytea;
alter table notifications alter column payload drop not null;
