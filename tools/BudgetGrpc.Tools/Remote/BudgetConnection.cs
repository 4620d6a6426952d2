using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using Grpc.Net.Client;

namespace BudgetGrpc.Tools.Remote;

/// <summary>One channel to the server (the contracts' client kit: the API key as bearer call credentials, retries of
/// calls the server never received).</summary>
internal sealed class BudgetConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    private BudgetConnection(Uri address, GrpcChannel channel)
    {
        Address = address;
        _channel = channel;
        Disclosures = new DisclosureService.DisclosureServiceClient(channel);
    }

    public Uri Address { get; }
    public DisclosureService.DisclosureServiceClient Disclosures { get; }
    public DeliveryService.DeliveryServiceClient Deliveries => new(_channel);

    public static BudgetConnection Open(string server, string? apiKey)
    {
        var address = BudgetChannel.ParseAddress(server, out _)
            ?? throw new CliInputException($"--server '{server}' is not an address like {RemoteOptions.DefaultServer}");
        return new BudgetConnection(address, BudgetChannel.Create(address, apiKey));
    }

    public void Dispose() => _channel.Dispose();
}
