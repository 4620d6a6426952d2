using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Load;

/// <summary>
/// Unary calls whose response is kept as bytes, not parsed: the load client shares the machine with the
/// server, and parsing a 40 kB revision on the client would measure the client as much as the server.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static Func<CancellationToken, Task<byte[]>> Unary<TRequest>(CallInvoker invoker, string service, string method, TRequest request, Metadata headers)
        where TRequest : class, IMessage<TRequest>, new()
    {
        var requestMarshaller = Marshallers.Create<TRequest>(r => r.ToByteArray(), b => new MessageParser<TRequest>(() => new TRequest()).ParseFrom(b));
        var definition = new Method<TRequest, byte[]>(MethodType.Unary, service, method, requestMarshaller, Bytes);
        return ct => invoker.AsyncUnaryCall(definition, null, new CallOptions(headers, cancellationToken: ct), request).ResponseAsync;
    }
}
