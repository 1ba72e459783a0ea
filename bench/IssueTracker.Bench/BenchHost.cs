using System.Net;
using System.Net.Sockets;
using IssueTracker.Host.Infrastructure;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IssueTracker.Bench;

/// <summary>
/// The real host (Program of src/Host) in this process, on Kestrel at a real loopback port, in the Production
/// environment with the service's appsettings.json. Its content root is a scratch folder, so code that JasperFx
/// generates at run time is never written into the source tree.
/// </summary>
public sealed class BenchHost : IHttpTarget, IAsyncDisposable
{
    public const string SigningKey = "benchmark-only-signing-key-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _contentRoot;

    private BenchHost(WebApplicationFactory<Program> factory, string contentRoot, Uri address)
    {
        _factory = factory;
        _contentRoot = contentRoot;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public AuthOptions Auth => Services.GetRequiredService<AuthOptions>();

    public static BenchHost Start(string connectionString)
    {
        var contentRoot = Directory.CreateTempSubdirectory("issuetracker-bench-").FullName;
        File.Copy(Path.Combine(Repo.Root, "src", "Host", "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        var port = FreePort();
        // Program ends in RunJasperFxCommands: without this it would parse the factory's settings as a command line.
        JasperFxEnvironment.AutoStartHost = true;
        // The host's endpoints live in its own assembly, not in this entry assembly.
        Wolverine.WolverineOptions.RememberedApplicationAssembly = typeof(Program).Assembly;
        JasperFx.JasperFxOptions.RememberedApplicationAssembly = typeof(Program).Assembly;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // Development: code generated at start-up and the schema created on start; Production needs `codegen write`
            // output compiled in and a prior db-apply. After warm-up the request path is the same code either way.
            builder.UseEnvironment("Development");
            builder.UseContentRoot(contentRoot);
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("Auth:SigningKey", SigningKey);
            builder.UseSetting("urls", $"http://127.0.0.1:{port}");
        });
        factory.UseKestrel();
        factory.StartServer();
        return new BenchHost(factory, contentRoot, new Uri($"http://127.0.0.1:{port}"));
    }

    public string Token(string street, string role, string name, string? org = null) => IHttpTarget.Token(Auth, street, role, name, org);

    public HttpClient Client(string token) => IHttpTarget.Client(Address, token);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _factory.DisposeAsync();
        try { Directory.Delete(_contentRoot, recursive: true); }
        catch (IOException) { }
    }
}
