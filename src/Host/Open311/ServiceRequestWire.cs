using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Host.Open311;

/// <summary>
/// An issue as a GeoReport v2 service request (coordinates only where the category leaves them public); the agency
/// responsible is the assigned organisation's name in the street's directory.
/// </summary>
public static class ServiceRequestWire
{
    public static Open311Object ToWire(this IssueDetails issue, LocationPrivacy privacy, IReadOnlyDictionary<string, string> names)
    {
        var service = ServiceCatalogue.For(issue.Category);
        var location = privacy.Hides(issue.Category) ? issue.Location.WithoutCoordinates() : issue.Location;
        return new Open311Object()
            .Add("service_request_id", issue.Id.ToString())
            .Add("status", ServiceRequestStates.Of(issue.Status))
            .Add("status_notes", StatusNotes(issue))
            .Add("service_name", service.Name)
            .Add("service_code", service.Code)
            .Add("description", issue.Description.Length > 0 ? issue.Description : issue.Title)
            .Add("agency_responsible", names.NameOf(issue.Assignee) ?? issue.Assignee)
            .Add("service_notice", null)
            .Add("requested_datetime", issue.RaisedAt)
            .Add("updated_datetime", issue.UpdatedAt)
            .Add("expected_datetime", issue.DueBy)
            .Add("address", Address(issue.Location))
            .Add("address_id", null)
            .Add("zipcode", null)
            .Add("lat", location.Lat)
            .Add("long", location.Lng)
            .Add("media_url", issue.PhotoUrls.FirstOrDefault());
    }

    public static string Address(Location l) =>
        string.Join(" ", new[] { l.Community, l.Compound, l.Building }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? StatusNotes(IssueDetails issue) => issue.Status switch
    {
        IssueStatus.Resolved or IssueStatus.Confirmed => issue.Resolution,
        IssueStatus.Closed when issue.ReferredTo is not null => $"已转交：{issue.ReferredTo}。{issue.ClosedReason}",
        IssueStatus.Closed or IssueStatus.Withdrawn => issue.ClosedReason,
        IssueStatus.Duplicate => $"与问题 {issue.DuplicateOf} 重复。",
        _ => null
    };
}
