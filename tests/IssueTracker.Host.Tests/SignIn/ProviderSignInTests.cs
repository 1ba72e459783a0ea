using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IssueTracker.Domain.Shared;
using Marten.Events;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.SignIn;

public class ProviderSignInTests(ProviderSignInApp app) : IClassFixture<ProviderSignInApp>
{
    [Fact]
    public async Task An_assignee_signs_in_through_the_providers_login_page_with_PKCE_and_works_with_its_RS256_token()
    {
        using var host = await app.Api(app.Host);
        (await host.PostAsJsonAsync("/api/organisations", new { id = "hongse-wuye", name = "红色物业", kind = "propertyCompany" }))
            .EnsureSuccessStatusCode();
        var raised = await host.PostAsJsonAsync("/api/issues", new
        {
            title = "矿机二村老楼漏水", description = "顶楼漏水", category = "repairs",
            location = new { community = "明光社区", compound = "矿机二村", grid = 3 }, urgency = "normal"
        });
        raised.EnsureSuccessStatusCode();
        var issue = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await host.PostAsJsonAsync($"/api/issues/{issue}/assign", new { assignee = "hongse-wuye" })).EnsureSuccessStatusCode();
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var (page, requests) = await SignInThroughProvider(app.Zhang);

        await Expect(page.Locator("[data-test='who']")).ToContainTextAsync("物业小张");
        var card = page.Locator($"[data-test='queue-{issue}']");
        await Expect(card).ToContainTextAsync("矿机二村老楼漏水");
        await card.Locator("[data-test='issue-link']").ClickAsync();
        await page.Locator("[data-test='action-acknowledge']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已签收");

        List<IRequest> seen;
        lock (requests) seen = [.. requests];
        // The provider's pages name a web font on the internet: such a request must get no answer.
        foreach (var outside in seen.Where(r => !r.Url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)))
            (await outside.ResponseAsync()).ShouldBeNull(outside.Url);
        var authorize = seen.Single(r => r.Url.StartsWith(app.Provider.Issuer + "/auth?", StringComparison.Ordinal)).Url;
        authorize.ShouldContain("code_challenge_method=S256");
        authorize.ShouldContain("code_challenge=");
        authorize.ShouldContain("response_type=code");
        var exchange = seen.Single(r => r.Url == app.Provider.Issuer + "/token");
        exchange.PostData!.ShouldContain("grant_type=authorization_code");
        exchange.PostData!.ShouldContain("code_verifier=");

        var token = await AccessToken(page);
        using var header = JsonDocument.Parse(Part(token, 0));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("RS256");
        header.RootElement.GetProperty("kid").GetString()!.ShouldStartWith("provider-");
        var apiCalls = seen.Where(r => r.Url.StartsWith(app.BaseAddress + "api/", StringComparison.Ordinal)).ToList();
        apiCalls.ShouldNotBeEmpty();
        foreach (var call in apiCalls) (await call.HeaderValueAsync("authorization")).ShouldBe("Bearer " + token);

        await using var session = app.Store.LightweightSession(app.Street);
        var events = await session.Events.FetchStreamAsync(issue);
        events[^1].EventTypeName.ShouldBe("assignment_acknowledged");
        ((IAuthoredEvent)events[^1].Data).By.ShouldBe(new Actor("kc-zhang-0002", "物业小张", Roles.Assignee, "hongse-wuye"));
        ((IAuthoredEvent)events[0].Data).By.ShouldBe(new Actor("kc-li-0001", "李主任", Roles.Host, null));
    }

    [Fact]
    public async Task The_providers_token_changed_only_in_audience_expiry_or_street_is_401_and_signing_out_ends_the_providers_session()
    {
        var (page, _) = await SignInThroughProvider(app.Host);
        await Expect(page.Locator("[data-test='who']")).ToContainTextAsync("李主任");
        var issued = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Part(await AccessToken(page), 1))!;
        issued["aud"].GetString().ShouldBe(OpenIdProvider.Audience);
        issued["tenant"].GetString().ShouldBe(app.Street);

        async Task<HttpResponseMessage> Call(Action<Dictionary<string, object?>> change)
        {
            var claims = issued.ToDictionary(c => c.Key, c => (object?)c.Value);
            change(claims);
            using var http = app.Api(await app.Provider.Sign(claims));
            return await http.GetAsync("/api/issues");
        }

        (await Call(_ => { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Call(c => c["aud"] = "urn:another-api")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var expired = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        (await Call(c => { c["exp"] = expired; c["iat"] = expired - 3600; })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var streetless = await Call(c => c.Remove("tenant"));
        streetless.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await streetless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("'tenant'");

        await page.Locator("[data-test='sign-out']").ClickAsync();
        await page.Locator("button[value='yes']").ClickAsync();
        await page.WaitForURLAsync(new Uri(app.BaseAddress, "/signin").ToString() + "**");
        await Expect(page.Locator("[data-test='provider']")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length")).ShouldBe(0);
        await page.Locator("[data-test='provider']").ClickAsync();
        await Expect(page.Locator("input[name='login']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_token_about_to_expire_is_renewed_with_the_refresh_token_and_no_hidden_frame()
    {
        var (page, requests) = await SignInThroughProvider(app.Wu);
        await Expect(page.Locator("[data-test='who']")).ToContainTextAsync("吴主任");

        var exchange = await Eventually(requests, r => r.Url == app.Provider.Issuer + "/token" && r.PostData!.Contains("grant_type=authorization_code"));
        var signedIn = (await (await exchange.ResponseAsync())!.JsonAsync())!.Value;
        signedIn.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var refresh = await Eventually(requests, r => r.Url == app.Provider.Issuer + "/token" && r.PostData!.Contains("grant_type=refresh_token"));
        var renewed = (await (await refresh.ResponseAsync())!.JsonAsync())!.Value.GetProperty("access_token").GetString()!;
        renewed.ShouldNotBe(signedIn.GetProperty("access_token").GetString());

        var call = await Eventually(requests, async r => r.Url.StartsWith(app.BaseAddress + "api/", StringComparison.Ordinal)
            && await r.HeaderValueAsync("authorization") == "Bearer " + renewed);
        (await call.ResponseAsync())!.Status.ShouldBe(200);
        page.Frames.Count.ShouldBe(1);
    }

    /// <summary>The first request that matches, once the page has made it (within a minute).</summary>
    private static Task<IRequest> Eventually(List<IRequest> requests, Func<IRequest, bool> match) =>
        Eventually(requests, r => Task.FromResult(match(r)));

    private static async Task<IRequest> Eventually(List<IRequest> requests, Func<IRequest, Task<bool>> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            List<IRequest> seen;
            lock (requests) seen = [.. requests];
            foreach (var request in seen)
                if (await match(request)) return request;
            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>From the workbench's sign-in page through the provider's login and consent pages back to the app.</summary>
    private async Task<(IPage Page, List<IRequest> Requests)> SignInThroughProvider(ProviderAccount account)
    {
        SetDefaultExpectTimeout(60_000);
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN" });
        page.SetDefaultTimeout(60_000);
        var requests = new List<IRequest>();
        page.Request += (_, request) => { lock (requests) requests.Add(request); };
        await page.RouteAsync(url => !url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal), route => route.AbortAsync());

        await page.GotoAsync(new Uri(app.BaseAddress, "/signin").ToString());
        (await page.Locator("[data-test^='person-']").CountAsync()).ShouldBe(0);
        await page.Locator("[data-test='provider']").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.Provider.Issuer + "/interaction/", StringComparison.Ordinal));
        await page.Locator("input[name='login']").FillAsync(account.Login);
        await page.Locator("input[name='password']").FillAsync("any password");
        await page.Locator("button[type='submit']").ClickAsync();
        await page.Locator("button[type='submit']", new() { HasText = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("/signin"));
        return (page, requests);
    }

    /// <summary>The access token the app holds (oidc-client-ts keeps the signed-in user in the tab's session storage).</summary>
    private static Task<string> AccessToken(IPage page) => page.EvaluateAsync<string>(
        "() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:')))).access_token");

    private static string Part(string jwt, int index)
    {
        var part = jwt.Split('.')[index].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=')));
    }
}
