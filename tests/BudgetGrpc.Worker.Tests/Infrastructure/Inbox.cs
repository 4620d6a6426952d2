using System.Security.Cryptography;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>Real folders in a temp directory: inbox/&lt;department&gt;/, archive/, quarantine/, and the Quartz store.</summary>
public sealed class Inbox : IDisposable
{
    public Inbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "budget-worker-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(InboxFolder);
        Directory.CreateDirectory(Archive);
        Directory.CreateDirectory(Quarantine);
    }

    public string Root { get; }
    public string InboxFolder => Path.Combine(Root, "inbox");
    public string Archive => Path.Combine(Root, "archive");
    public string Quarantine => Path.Combine(Root, "quarantine");
    public string QuartzDb => Path.Combine(Root, "quartz.db");

    public static string Samples => global::BudgetGrpc.Data.Tests.Infrastructure.Samples.Folder;

    public string Department(string name)
    {
        var path = Path.Combine(InboxFolder, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public string DropSample(string department, string sample, string? asName = null)
    {
        var target = Path.Combine(Department(department), asName ?? sample);
        File.Copy(Path.Combine(Samples, sample), target);
        return target;
    }

    public string Drop(string department, string name, byte[] content)
    {
        var target = Path.Combine(Department(department), name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, content);
        return target;
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public IEnumerable<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [];

    /// <summary>Settings for a worker over these folders; tests add or override keys.</summary>
    public Dictionary<string, string?> WorkerSettings(string serverUrl, string apiKey) => new()
    {
        ["Worker:FolderImport:Inbox"] = InboxFolder,
        ["Worker:FolderImport:Archive"] = Archive,
        ["Worker:FolderImport:Quarantine"] = Quarantine,
        ["Worker:FolderImport:StableFor"] = "00:00:01",
        ["Worker:FolderImport:TimeZone"] = "Asia/Shanghai",
        ["Worker:Server:Url"] = serverUrl,
        ["Worker:Server:ApiKey"] = apiKey,
        ["Worker:Retry:MaxRetryAttempts"] = "2",
        ["Worker:Retry:BaseDelay"] = "00:00:00.100",
        ["Worker:Retry:MaxDelay"] = "00:00:00.500",
        ["Worker:Quartz:Provider"] = "Sqlite",
        ["Worker:Quartz:ConnectionString"] = $"Data Source={QuartzDb}",
        ["Worker:Quartz:IdleWaitTime"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Quartz"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
