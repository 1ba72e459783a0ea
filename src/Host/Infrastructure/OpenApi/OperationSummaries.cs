using System.Text.RegularExpressions;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>One-line summaries by operationId; an operation missing here gets its id in words ("getStatusBoard" → "Get status board").</summary>
internal static partial class OperationSummaries
{
    private static readonly Dictionary<string, string> Known = new()
    {
        ["raiseIssue"] = "Raise an issue (提出问题)",
        ["listIssues"] = "List issues, filtered and paged",
        ["getIssue"] = "Get an issue's details (ETag = version)",
        ["assignIssue"] = "Assign or reassign an issue to an organisation (交办)",
        ["acknowledgeAssignment"] = "Acknowledge an assignment (签收)",
        ["declineAssignment"] = "Decline an assignment, with a reason (退回)",
        ["reportProgress"] = "Report progress on an issue (进展)",
        ["resolveIssue"] = "Resolve an issue (办结)",
        ["confirmResolution"] = "Confirm a resolution with the residents (回访)",
        ["reopenIssue"] = "Reopen a resolved issue (重新办理)",
        ["closeIssue"] = "Close an issue",
        ["withdrawIssue"] = "Withdraw an issue",
        ["markDuplicate"] = "Mark an issue as a duplicate of another",
        ["requestExtension"] = "Ask for a later due date (延期申请)",
        ["approveExtension"] = "Approve an extension request: the due date moves",
        ["rejectExtension"] = "Reject an extension request: the due date stays",
        ["getHistory"] = "Every event of an issue, as JSON or CSV",
        ["getStateAt"] = "An issue's state at a version or a moment",
        ["verifyHistory"] = "Verify an issue's hash chain (tamper check)",
        ["scheduleMeeting"] = "Schedule a discussion meeting (党群议事会)",
        ["listMeetings"] = "List meetings",
        ["getMeeting"] = "Get a meeting's minutes",
        ["addAgendaItem"] = "Put an issue on a meeting's agenda",
        ["recordAttendance"] = "Record who attended a meeting",
        ["recordDecision"] = "Record a meeting's decision on an agenda issue",
        ["getAssessment"] = "The monthly assessment (考核) by organisation, category or community: JSON, CSV or xlsx",
        ["concludeMeeting"] = "Conclude a meeting with its minutes"
    };

    public static string For(string operationId) =>
        Known.TryGetValue(operationId, out var summary) ? summary : Words(operationId);

    private static string Words(string operationId)
    {
        var words = WordStart().Replace(operationId, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();
}
