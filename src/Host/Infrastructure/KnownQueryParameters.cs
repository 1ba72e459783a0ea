using System.Collections.Concurrent;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Boards;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Under /api a query parameter the endpoint does not read is a 400 (errorCodes unknownParameter), never silently
/// ignored: a client that misspells a filter learns it instead of getting every issue.
/// </summary>
public sealed class KnownQueryParameters(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> Known = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Query.Count > 0 && request.Path.StartsWithSegments("/api") && context.GetEndpoint() is { } endpoint)
        {
            var known = Known.GetOrAdd(endpoint, Of);
            var unknown = request.Query.Keys.Where(k => !known.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                var validation = new Validation();
                foreach (var key in unknown)
                    validation.Add(key, ErrorCodes.UnknownParameter,
                        $"'{key}' is not a parameter of this operation; known: {string.Join(", ", known.Order())}.",
                        $"「{key}」不是此接口的参数；可用参数：{string.Join("、", known.Order())}。");
                await Problems.For(validation.ToRejection()).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }

    /// <summary>The endpoint method's simple parameters that are not route values: what it binds from the query string.</summary>
    private static HashSet<string> Of(Endpoint endpoint)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (endpoint is RouteEndpoint route && route.RoutePattern.RawText?.TrimStart('/') == WatchBoardEndpoint.Route.TrimStart('/'))
            names.Add("access_token");
        var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var method = OperationNames.EndpointMethod(endpoint.Metadata);
        foreach (var parameter in method?.GetParameters() ?? [])
            if (parameter.Name is { } name && !routeValues.Contains(name) && IsSimple(parameter.ParameterType)) names.Add(name);
        return names;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
               || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly);
    }
}
