import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export function Problem({ message }: { message: string }) {
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
