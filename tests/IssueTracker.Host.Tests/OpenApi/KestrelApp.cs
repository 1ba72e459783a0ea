using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>The app served by Kestrel on a free local port, for clients outside the process (a browser).</summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    public KestrelApp(AppFixture app)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(app.ConfigureHost);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
