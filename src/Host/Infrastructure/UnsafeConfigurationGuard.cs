using System.Reflection;
using System.Text;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Refuses to serve with settings that would let anyone in, before anything listens. Only serving is checked: the
/// command-line tools (db-apply, openapi, codegen write, token …) need no auth settings.
/// </summary>
public static class UnsafeConfigurationGuard
{
    /// <summary>Every signing key written anywhere in this repository: public, so never good enough to serve with.</summary>
    public static readonly IReadOnlySet<string> PublishedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "development-only-signing-key-change-me-0123456789",
        "compose-only-signing-key-change-me-0123456789",
        "tests-only-signing-key-0123456789abcdef",
        "benchmark-only-signing-key-0123456789abcdef"
    };

    public const int MinimumKeyBytes = 32;
    private const string Generate = "Generate one with: openssl rand -base64 48";

    public static IReadOnlyList<string> Problems(AuthOptions auth, IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (!auth.UsesAuthority && !auth.HasSigningKey)
            problems.Add("Neither Auth:Authority (an OpenID Connect provider) nor Auth:SigningKey is set: nobody could sign in.");
        if (auth.HasSigningKey && Encoding.UTF8.GetByteCount(auth.SigningKey!) < MinimumKeyBytes)
            problems.Add($"Auth:SigningKey is shorter than {MinimumKeyBytes} bytes. {Generate}");
        if (auth.HasSigningKey && !environment.IsDevelopment() && PublishedKeys.Contains(auth.SigningKey!))
            problems.Add($"Auth:SigningKey is a key published in the IssueTracker repository: anyone could mint tokens. {Generate}");
        if (auth.RequireHttpsMetadata == false && !environment.IsDevelopment())
            problems.Add("Auth:RequireHttpsMetadata is off outside Development: the provider's keys could be forged in transit.");
        return problems;
    }

    public static void RefuseToServe(AuthOptions auth, IHostEnvironment environment)
    {
        if (!Serving()) return;
        var problems = Problems(auth, environment);
        if (problems.Count == 0) return;
        var message = $"Refusing to serve with unsafe configuration ({environment.EnvironmentName}):\n  " + string.Join("\n  ", problems);
        if (Assembly.GetEntryAssembly() != typeof(UnsafeConfigurationGuard).Assembly) throw new InvalidOperationException(message);
        Console.Error.WriteLine(message);
        Environment.Exit(3);
    }

    /// <summary>As JasperFx reads the command line: no command, or only options, or "run" is serving.</summary>
    private static bool Serving() => Environment.GetCommandLineArgs().Skip(1).FirstOrDefault() is not { } first
        || first.StartsWith('-') || first.Equals("run", StringComparison.OrdinalIgnoreCase);
}
