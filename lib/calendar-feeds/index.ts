export { feedWebUrl, personalFeedUrl, renderFeed, resetPersonalFeed, resetTrainerFeed, trainerFeedUrl } from './feeds';
export { personalFeedOwnerEmail, resetPersonalFeedFor, type TFeedProof } from './owner';
export { sessionCalendarFile, type TCalendarFile } from './session-download';
