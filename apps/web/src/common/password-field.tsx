import type { ReactNode } from 'react';
import { TextField } from './text-field.tsx';

interface PasswordFieldProps {
  label?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  /** `new`: a password being chosen, so password managers offer to generate and save one. */
  purpose: 'current' | 'new';
  issue?: string | undefined;
  hint?: ReactNode;
}

/** The password field of the sign-in, sign-up, reset and invitation pages. */
export function PasswordField({ label = 'Password', name = 'password', value, onChange, purpose, issue, hint }: PasswordFieldProps) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      value={value}
      onChange={onChange}
      issue={issue}
      hint={hint}
    />
  );
}
