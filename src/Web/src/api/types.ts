import type { components } from "./schema";

type Schemas = components["schemas"];
export type IssueDetails = Schemas["IssueDetails"];
export type IssueStatus = Schemas["IssueStatus"];
export type IssueCategory = Schemas["IssueCategory"];
export type HistoryEntry = Schemas["HistoryEntry"];
export type MeetingMinutes = Schemas["MeetingMinutes"];
export type AttendeeRole = Schemas["AttendeeRole"];
export type DecisionOutcome = Schemas["DecisionOutcome"];
export type Satisfaction = Schemas["Satisfaction"];
export type BoardItem = Schemas["BoardItem"];
export type Urgency = Schemas["Urgency"];
export type OrganisationView = Schemas["OrganisationView"];
export type Attachment = Schemas["Attachment"];
export type AttachmentStep = Schemas["AttachmentStep"];
export type InAppNotification = Schemas["InAppNotification"];
export type AssessmentRow = Schemas["AssessmentRow"];
export type AssessmentReport = Schemas["AssessmentReport"];
