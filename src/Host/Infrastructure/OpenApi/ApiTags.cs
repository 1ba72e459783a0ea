namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>Tags follow the route: the audit routes under an issue first, then the resource collections.</summary>
internal static class ApiTags
{
    public sealed record Tag(string Name, string Description);

    public static readonly Tag Issues = new("issues", "Raise and move issues through their lifecycle (问题办理).");
    public static readonly Tag Meetings = new("meetings", "Schedule and run discussion meetings (党群议事会).");
    public static readonly Tag Boards = new("boards", "Read models for the status board and the assignees' queues (看板).");
    public static readonly Tag Organisations = new("organisations", "The street's directory of responsible organisations (责任单位名录).");
    public static readonly Tag Audit = new("audit", "History, point-in-time state and tamper checks of an issue (审计).");
    public static readonly Tag Reports = new("reports", "Monthly assessment (考核) and its spreadsheets.");
    public static readonly Tag Service = new("service", "Health checks and the API description.");
    public static readonly Tag Volunteers = new("volunteers", "Volunteer service, points exchange, the two lists and the five micro ledgers (志愿服务与台账).");

    public static readonly Tag Notifications = new("notifications", "In-app notifications and the deliveries by mail, webhook and WeCom (通知).");

    public static readonly IReadOnlyList<Tag> All = [Issues, Meetings, Boards, Organisations, Audit, Reports, Volunteers, Notifications, Service];

    private static readonly string[] AuditSegments = ["/history", "/state", "/verify"];

    public static Tag For(string route)
    {
        var path = "/" + route.TrimStart('/');
        if (path.StartsWith("/api/issues/", StringComparison.OrdinalIgnoreCase)
            && AuditSegments.Any(s => path.Contains(s, StringComparison.OrdinalIgnoreCase))) return Audit;
        if (path.StartsWith("/api/issues", StringComparison.OrdinalIgnoreCase)) return Issues;
        if (path.StartsWith("/api/meetings", StringComparison.OrdinalIgnoreCase)) return Meetings;
        if (path.StartsWith("/api/boards", StringComparison.OrdinalIgnoreCase)) return Boards;
        if (path.StartsWith("/api/notifications", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/api/deliveries", StringComparison.OrdinalIgnoreCase)) return Notifications;
        if (Host.Volunteers.VolunteerExamples.Routes.Any(r => path.StartsWith(r, StringComparison.OrdinalIgnoreCase))) return Volunteers;
        if (path.StartsWith("/api/organisations", StringComparison.OrdinalIgnoreCase)) return Organisations;
        if (path.StartsWith("/api/reports", StringComparison.OrdinalIgnoreCase)) return Reports;
        return Service;
    }
}
