export {
  buildFeed,
  buildInvite,
  calendarMimeType,
  escapeText,
  inviteUid,
  ICS_CONTENT_TYPE,
  PRODUCT_ID,
  type CalendarEvent,
  type EventStatus,
  type FeedInput,
  type Invite,
  type InviteInput,
  type InviteMethod,
} from './ics';
export { foldLine } from './fold';
export { googleCalendarLink, outlookCalendarLink, type LinkEvent } from './links';
export { parseMailFrom, type Mailbox } from './mail-from';
export { invitePartsFromSpec, linkEventFromSpec, type TInviteParts, type TInviteSpec } from './invite-spec';
