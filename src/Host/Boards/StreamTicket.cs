using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

/// <summary>
/// A short-lived pass to open the board's event stream: EventSource cannot send an Authorization header, and a bearer
/// token in a URL ends up in access logs. Kept in PostgreSQL (not per street), so any node accepts it.
/// </summary>
public sealed record StreamTicket(string Id, string Street, string Subject, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static void AddStorage(IServiceCollection services) =>
        services.ConfigureMarten(options => options.Schema.For<StreamTicket>().SingleTenanted().Duplicate(x => x.ExpiresAt));
}

public sealed record StreamTicketResponse(string Ticket, DateTimeOffset ExpiresAt);

public static class IssueStreamTicketEndpoint
{
    [ApiOperation("A ticket to open the board's change stream", "看板推送的打开凭证",
        Description = "Valid 60 s to open and re-open GET /api/boards/stream?ticket= for the caller's street; kept in PostgreSQL, so any node accepts it.",
        ChineseDescription = "60 秒内可用于打开与重连本街道的 GET /api/boards/stream?ticket=；保存在 PostgreSQL，任一节点均可接受。")]
    [WolverinePost("/api/boards/stream-ticket")]
    [ProducesResponseType<StreamTicketResponse>(StatusCodes.Status200OK)]
    public static async Task<StreamTicketResponse> Post(ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ticket = new StreamTicket(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            user.FindFirstValue(Claims.Street)!, user.FindFirstValue(Claims.Subject)!, now + StreamTicket.Lifetime);
        await using var session = store.LightweightSession();
        session.DeleteWhere<StreamTicket>(x => x.ExpiresAt < now);
        session.Store(ticket);
        await session.SaveChangesAsync(ct);
        return new StreamTicketResponse(ticket.Id, ticket.ExpiresAt);
    }
}
