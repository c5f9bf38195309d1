export { SignInScreen } from './SignInScreen';
export { AccountMenu } from './AccountMenu';
