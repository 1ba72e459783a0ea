using System.Globalization;
using System.Text.RegularExpressions;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Reliability;

namespace IssueTracker.Host.Open311;

/// <summary>
/// POST requests: raises an issue with the same rule as POST /api/issues, authored by the client, and answers its
/// service_request_id at once. Sent again with the same Idempotency-Key, it answers the first id and raises nothing.
/// </summary>
public static partial class PostServiceRequestEndpoint
{
    public const string Notice = "已受理，将由街道议事会讨论并交办责任单位。";

    [WolverinePost(Open311Setup.Root + "/requests.{format}"), AllowAnonymous]
    public static async Task<IResult> Post(string format, HttpContext context, Open311Clients clients, IDocumentStore store,
        TimeProvider clock, KeyGates gates, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (client, forbidden) = call.Writer(clients);
        if (client is null) return forbidden!;
        if (call["service_code"] is not { } code) return call.Missing("service_code");
        if (ServiceCatalogue.For(code) is not { } service)
            return call.Error(StatusCodes.Status404NotFound, $"service_code {code} was not found.");
        if (ToCommand(call, client, service) is not { } command)
            return call.Error(StatusCodes.Status400BadRequest,
                "lat and long, or an address_string naming its 社区 (community), are required.");

        var decision = Issue.Raise(command, client.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return call.Rejected(rejection);

        var (retry, busy) = await Open311Retry.Begin(call, client, "request", null, context, store, gates, clock, ct);
        if (retry is null) return busy!;
        await using var held = retry;
        if (retry.EarlierAnswer is { } earlier) return Answer(call, earlier);

        var id = Guid.CreateVersion7();
        await using var session = Open311Call.Writing(store, client.Street, context);
        session.Events.StartStream<Issue>(id, [.. decision.Events]);
        retry.Remember(session, id.ToString(), clock);
        await session.SaveChangesAsync(ct);
        return Answer(call, id.ToString());
    }

    private static Open311Answer Answer(Open311Call call, string id) => call.List("service_requests", "request",
        [new Open311Object().Add("service_request_id", id).Add("service_notice", Notice).Add("account_id", null)]);

    private static RaiseIssue? ToCommand(Open311Call call, Open311Client client, ServiceCatalogue.Service service)
    {
        var address = call["address_string"];
        var named = address is null ? null : NamedCommunity().Match(address);
        var community = named is { Success: true } ? named.Groups[1].Value : client.Community;
        var compound = named is { Success: true } ? named.Groups[2].Value : address;
        var (lat, lng) = (Number(call["lat"]), Number(call["long"]));
        if (community is null || (address is null && (call["lat"] is null || call["long"] is null))) return null;

        var description = call["description"] ?? "";
        var firstLine = description.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var title = firstLine is null ? service.Name : firstLine.Length > 200 ? firstLine[..200] : firstLine;
        var name = string.Join(' ', new[] { call["first_name"], call["last_name"] }.Where(n => n is { Length: > 0 } && n != "-"));
        var contact = string.Join(" / ", new[] { call["email"], call["phone"] }.Where(c => c is { Length: > 0 }));
        return new RaiseIssue(
            title, description, service.Category,
            new Location(community, string.IsNullOrWhiteSpace(compound) ? null : compound.Trim(), null, null, lat, lng),
            name.Length > 0 || contact.Length > 0 ? new Reporter(name.Length > 0 ? name : null, contact.Length > 0 ? contact : null) : null,
            Urgency.Normal, call["media_url"] is { } media ? [media] : []);
    }

    /// <summary>An address that starts with its 社区 (community): "明光社区 明光小区3栋" or "明光社区明光小区3栋".</summary>
    [GeneratedRegex(@"^\s*(\S*?社区)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedCommunity();

    /// <summary>A coordinate as sent; an unreadable one becomes NaN, which the domain's range check refuses.</summary>
    private static double? Number(string? text) =>
        text is null ? null : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN;
}
